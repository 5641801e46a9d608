# Unicode strings: code-point length and indexing, case mapping, escapes.
s = "naïve café 日本 😀"
print(s, len(s), s[2], s[-1], s[11:13], s.upper(), s.title())
print([ord(c) for c in "é😀"], "\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}" if False else "α", "\U0001F600")
print("ǅ".lower(), "ǅ".upper(), "İ".lower(), len("İ".lower()), "ß".casefold(), "ΣΑΣ".lower())
print("straße".upper(), "ﬁ".upper(), "Ⅻ".isnumeric(), "٣".isdigit(), "٣".isdecimal(), int("٣٤"))
print(repr("\u200b"), repr("\U0001F600"), repr("\x1b[0m"), ascii("é😀"), "é".encode("utf-8"), "😀".encode())
print("αβγ".encode("utf-8").decode("utf-8"), b"\xc3\xa9".decode(), "x".join("αβ"))
print("日本語テキスト".find("テ"), "ab😀cd".index("c"), "😀" * 3, "é" < "ê", sorted("éaz"))
