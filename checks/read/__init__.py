"""Input -> Article: a link (fetched behind the address guard), a saved page, a file, text."""
