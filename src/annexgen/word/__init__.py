"""The Word side: template context, the render pipeline, template check, PDF."""
