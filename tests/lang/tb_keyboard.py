def loop():
    raise KeyboardInterrupt
loop()
