import traceback
def 函数(値):
    return 値["キー"] + "データ"
try:
    函数({"キー": 1})
except TypeError:
    traceback.print_exc()
函数({"キー": 1})
