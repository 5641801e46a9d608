name = input("name? ")
n = int(input())
print("hello", name, n * 2)
try:
    input()
except EOFError as e:
    print("EOF:", e)
