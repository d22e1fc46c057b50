"""The store's one error type: a one-line message that names the file or the item."""


class StoreError(Exception):
    """Something the store cannot do; the message is fit to show a user as it is."""
