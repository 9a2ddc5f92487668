let a = (-(-42))
let b = (-max(0x1F, 42))
let c = (-[5].reduce(0, +))
print(a, b, c)
