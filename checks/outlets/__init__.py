"""Who publishes what: the outlet table, built from open datasets (`datasets/`, licences kept)."""
