import keyword
print(keyword.iskeyword('def'), keyword.iskeyword('foo'), len(keyword.kwlist) > 30, keyword.issoftkeyword('match'))
