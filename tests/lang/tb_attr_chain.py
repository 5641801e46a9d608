class Node:
    def __init__(self, child=None):
        self.child = child
        self.value = 1
root = Node(Node(Node()))
print(root.child.child.value)
print(root.child.child.child.value)
