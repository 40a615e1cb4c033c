"""``annexgen serve``: the web form for clerks (see :mod:`annexgen.web.app`)."""

from annexgen.web.app import MAX_BODY_BYTES, create_app, form_to_data

__all__ = ["MAX_BODY_BYTES", "create_app", "form_to_data"]
