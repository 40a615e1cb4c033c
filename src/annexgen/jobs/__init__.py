"""Files in, files out: one annex (``render``) or a whole folder (``batch``)."""
