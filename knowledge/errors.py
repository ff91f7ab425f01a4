"""The one error type the knowledge base raises: its message is Chinese and shown to users."""


class KnowledgeError(Exception):
    """A problem a user can act on (bad file, unknown document, unreadable index)."""
