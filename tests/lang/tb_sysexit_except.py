# sys.exit inside an except block: no traceback, message on stderr, exit 1.
import sys

def main():
    try:
        int("nope")
    except ValueError as e:
        print("converting failed")
        sys.exit("fatal: %s" % e)

main()
