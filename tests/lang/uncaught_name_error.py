def greet():
    print(mesage)

greet()
