"""The Telegram bot: the application, handlers, Message -> Article and Telegram HTML."""
