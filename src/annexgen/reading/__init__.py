"""Reading existing documents: text with positions, ``lint`` and ``extract``."""
