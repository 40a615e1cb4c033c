"""The data model and YAML: fields, the registry of kinds, loading, saving, checks.

Kept free of imports so that importing one module of the package costs only
that module.
"""
