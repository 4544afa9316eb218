"""Test doubles for sourcecheck and its plug-ins (a fake Telegram Bot API), not run by the bot."""
