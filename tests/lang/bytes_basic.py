b = b'hello world'
print(b, repr(b"it's"), b'\x00\xff\t\n\\', bytes(3), bytes([65, 66]), bytes(b'xy'), bytes('é', 'utf-8'), bytes(range(3)))
print(b[0], b[-1], b[1:4], b[::-1], b[::2], len(b), b + b'!', b * 2, 104 in b, b'wor' in b, list(b'ab'))
print(b.upper(), b.title(), b.split(), b.split(b'o'), b.rsplit(b'o', 1), b.strip(b'hd'), b.replace(b'l', b'L'), b.find(b'o'), b.rfind(b'o'), b.count(b'l'), b.index(b'w'))
print(b.startswith(b'he'), b.endswith((b'x', b'ld')), b.hex(), b'\xab\xcd'.hex(':'), bytes.fromhex('de ad be ef'), b'-'.join([b'a', b'b']), b.partition(b' '))
print(b.decode(), b'abc'.decode('ascii'), b'caf\xc3\xa9'.decode('utf-8'), b.isalpha(), b'123'.isdigit(), b.center(15, b'*'), b'42'.zfill(5), b.capitalize())
print(b == b'hello world', b < b'help', b'a' == bytearray(b'a'), b'a' == 'a', hash(b'') == hash(b''))
ba = bytearray(b'abc')
ba.append(100); ba.extend(b'ef'); ba += b'g'; ba[0] = 65; del ba[1]
print(ba, len(ba), ba.pop(), ba, ba[1:3], bytearray(3), bytearray('é', 'utf-8'), ba.upper(), ba.decode())
ba[1:3] = b'XYZ'; print(ba); ba.insert(0, 33); ba.remove(33); ba.reverse(); print(ba, ba.copy(), list(ba))
print(type(iter(b'')).__name__, type(iter(bytearray())).__name__, str(b'x'), bytearray(b'x'))
