match command.split():
    case [action, obj] | [obj, action, _]:
        pass
    case ["go", direction] | ["move", destination]:
        pass
