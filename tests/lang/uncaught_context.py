def load():
    try:
        return {}["config"]
    except KeyError:
        raise RuntimeError("config missing")

load()
