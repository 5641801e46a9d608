print("out")
raise SystemExit("fatal: giving up")
