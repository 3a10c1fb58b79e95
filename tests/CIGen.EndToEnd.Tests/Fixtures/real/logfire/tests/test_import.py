def test_import():
    import obsv  # noqa: F401
