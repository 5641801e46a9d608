"""imp_mod docstring"""
__all__ = ['visible', 'also']
visible = 1
also = 2
hidden = 3
_private = 4
print('imp_mod executing', __name__)
