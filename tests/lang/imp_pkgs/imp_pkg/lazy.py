lazy_value = 42
