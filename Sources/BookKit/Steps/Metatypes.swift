/// Swift arrays keep their element type when they are empty (`[Int]()` is an `Array<Int>`),
/// but a cast does not look at it: `[Int]() as Any is [Double]` is true. The interpreter reads
/// an array's type from its metatype instead, and makes arrays of a type known only at run time
/// by opening the metatype.
protocol ArrayMetatype {
    static var elementMetatype: Any.Type { get }
}

extension Array: ArrayMetatype {
    static var elementMetatype: Any.Type { Element.self }
}

/// Any array, read and changed without converting it to `[Any]` (which copies every element):
/// reading `xs[i]` or `xs.count` in a loop stays linear, and so does `xs[i] = v` and `xs += [v]`
/// on an array that only its variable holds.
protocol AnyArray {
    var elementCount: Int { get }
    func anyElement(at index: Int) -> Any
    /// The elements in `range`, as an array of the same type.
    func anyElements(in range: Range<Int>) -> Any
    /// Sets element `index`; false when `value` is not an element of this array's type.
    mutating func setAnyElement(_ value: Any, at index: Int) -> Bool
    /// Appends the elements of `other`; false when it is not an array of this array's type.
    mutating func appendAnyElements(of other: Any) -> Bool
    /// `reversed()` as Swift gives it where no array is asked for: a `ReversedCollection`.
    func reversedCollection() -> Any
}

extension Array: AnyArray {
    var elementCount: Int { count }
    func anyElement(at index: Int) -> Any { self[index] }
    func anyElements(in range: Range<Int>) -> Any { Array(self[range]) }

    mutating func setAnyElement(_ value: Any, at index: Int) -> Bool {
        guard let element = value as? Element else { return false }
        self[index] = element
        return true
    }

    mutating func appendAnyElements(of other: Any) -> Bool {
        guard let elements = other as? [Element] else { return false }
        append(contentsOf: elements)
        return true
    }

    func reversedCollection() -> Any {
        let reversed: ReversedCollection<[Element]> = reversed()
        return reversed
    }
}

/// `xs.reversed()` and `(0..<n).reversed()` are Swift's own `ReversedCollection`, so that they
/// print as Swift prints them (`ReversedCollection<Array<Int>>(_base: [1, 2])`); wherever an
/// array is asked for (an annotation, a parameter, a loop, a method) they are the reversed
/// array, as Swift's array overload of `reversed()` gives there.
protocol ReversedSequence {
    var reversedArray: Any { get }
    /// What it reverses, as a step value (what `reversed()` of it gives in Swift).
    var baseValue: Any { get }
    /// Its step type, `ReversedCollection<[Int]>`.
    static func stepType(in types: TypeSystem) -> StepType?
}

/// What steps reverse: arrays and Int ranges.
protocol ReversibleBase: BidirectionalCollection {
    var stepValue: Any { get }
    static func stepType(in types: TypeSystem) -> StepType?
}

extension Array: ReversibleBase {
    var stepValue: Any { self }
    static func stepType(in types: TypeSystem) -> StepType? { types.staticType(Self.self) }
}

extension Range: ReversibleBase where Bound == Int {
    var stepValue: Any { IntRange(lower: lowerBound, upper: upperBound, closed: false) }
    static func stepType(in types: TypeSystem) -> StepType? { .named("Range", [.int]) }
}

extension ClosedRange: ReversibleBase where Bound == Int {
    var stepValue: Any { IntRange(lower: lowerBound, upper: upperBound, closed: true) }
    static func stepType(in types: TypeSystem) -> StepType? { .named("ClosedRange", [.int]) }
}

extension ReversedCollection: ReversedSequence where Base: ReversibleBase {
    var reversedArray: Any { Array(self) }
    var baseValue: Any { (reversed() as Base).stepValue }
    static func stepType(in types: TypeSystem) -> StepType? {
        Base.stepType(in: types).map { .named("ReversedCollection", [$0]) }
    }
}

enum Metatypes {
    /// `values` as a `[T]` for the Swift type `element`; nil when a value is not a `T`.
    static func array(of element: Any.Type, _ values: [Any]) -> Any? {
        func make<T>(_: T.Type) -> Any? {
            var array: [T] = []
            array.reserveCapacity(values.count)
            for value in values {
                guard let typed = value as? T else { return nil }
                array.append(typed)
            }
            return array
        }
        return make(element)
    }

    /// The Swift type `[T]` for `element`.
    static func arrayType(of element: Any.Type) -> Any.Type {
        func make<T>(_: T.Type) -> Any.Type { [T].self }
        return make(element)
    }
}

extension TypeSystem {
    /// The step type a Swift type has whatever its value: the basics, arrays of them and the
    /// binding's registered types; nil for others (`[Any]`, whose elements say more).
    func staticType(_ metatype: Any.Type) -> StepType? {
        let key = ObjectIdentifier(metatype)
        if let known = staticTypes[key] { return known }
        let type = computeStaticType(metatype)
        staticTypes[key] = .some(type)
        return type
    }

    private func computeStaticType(_ metatype: Any.Type) -> StepType? {
        if metatype == Int.self { return .int }
        if metatype == Double.self { return .double }
        if metatype == String.self { return .string }
        if metatype == Bool.self { return .bool }
        if let array = metatype as? ArrayMetatype.Type {
            return staticType(array.elementMetatype).map { .array($0) }
        }
        if let reversed = metatype as? ReversedSequence.Type { return reversed.stepType(in: self) }
        return names[ObjectIdentifier(metatype)] ?? registered[ObjectIdentifier(metatype)]
    }

    /// The Swift type of a step type: nil for types the binding did not register.
    func metatype(of type: StepType) -> Any.Type? {
        switch type {
        case .int: return Int.self
        case .double: return Double.self
        case .string: return String.self
        case .bool: return Bool.self
        case .any: return Any.self
        case .array(let element): return metatype(of: element).map(Metatypes.arrayType(of:))
        default: return metatypes[type]
        }
    }
}

extension StepType {
    /// Whether a part of the type is unknown (`[Any]` of an array built element by element).
    var isIncomplete: Bool {
        switch self {
        case .any, .inferred: return true
        case .array(let element), .optional(let element): return element.isIncomplete
        default: return false
        }
    }
}
