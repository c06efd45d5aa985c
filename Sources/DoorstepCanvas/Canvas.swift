/// A frame: a grid of cells that views draw into and the terminal backend flushes.
///
/// Every write is clipped to a rectangle by display columns: text never runs past a pane's
/// edge and a wide glyph that does not fit is replaced by a space, never split. Everything
/// written is sanitised first (see `Sanitizer`).
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    /// The glyph set in force: what the screen's symbols are and which characters may reach the
    /// terminal (`write` replaces the others).
    public var glyphs: Glyphs

    public init(size: Size, style: Style = .normal, glyphs: Glyphs = .narrow) {
        self.size = size
        self.glyphs = glyphs
        self.cells = Array(repeating: .blank(style), count: size.width * size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// The cells at `indices` (row by row, `y * width + x`) copied from `other`, which has this size.
    public mutating func copyCells(_ indices: [Int], from other: Canvas) {
        guard other.size == size else {
            self = other
            return
        }
        for index in indices { cells[index] = other.cells[index] }
    }

    /// The cells of `rect` (clipped to the canvas), row by row: a piece of this frame to put
    /// back elsewhere with `paste(row:of:at:)`, as a list pane whose rows shifted does.
    public func piece(_ rect: Rect) -> Piece {
        let area = rect.intersection(bounds)
        var taken: [Cell] = []
        taken.reserveCapacity(area.width * area.height)
        for y in area.y..<area.maxY { taken += cells[(y * size.width + area.x)..<(y * size.width + area.maxX)] }
        return Piece(rect: area, cells: taken)
    }

    /// Cells taken from a canvas by `piece(_:)`.
    public struct Piece: Sendable {
        public let rect: Rect
        let cells: [Cell]
    }

    /// Row `row` of `piece` (0 is its top) put at row `y`, in the piece's own columns; a row
    /// outside the piece or the canvas puts nothing. The row comes whole, so a wide glyph the
    /// piece held whole stays whole.
    public mutating func paste(row: Int, of piece: Piece, at y: Int) {
        guard row >= 0, row < piece.rect.height, y >= 0, y < size.height, piece.rect.maxX <= size.width else { return }
        let from = row * piece.rect.width
        let to = y * size.width + piece.rect.x
        cells.replaceSubrange(to..<(to + piece.rect.width), with: piece.cells[from..<(from + piece.rect.width)])
    }

    /// Fills `rect` with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { place(.blank(style), x: x, y: y) }
        }
    }

    /// Writes `text` starting at column `x` of row `y`, clipped to `clip` (default: the whole
    /// canvas). Returns the column after the last cell written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, clip: Rect? = nil, style: Style) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY, !area.isEmpty else { return x }
        var column = x
        // printable ASCII (codes, figures, times, English): a cell a byte, nothing to clean,
        // stand in for or measure
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if column >= area.maxX { break }
                if column >= area.x { place(Cell(Self.ascii[Int(byte) - 0x20], width: 1, style: style), x: column, y: y) }
                column += 1
            }
            return column
        }
        var lastIndex: Int?  // the cell that may take a following combining mark
        for original in Sanitizer.clean(text) {
            let character = glyphs.drawable(original)
            let width = DisplayWidth.of(character)
            if width == 0 {
                if let index = lastIndex { cells[index].text.append(contentsOf: String(character)) }
                continue
            }
            if column >= area.maxX { break }
            if column < area.x {
                // a wide glyph straddling the left edge leaves a blank in the visible half
                if column + width > area.x { place(.blank(style), x: area.x, y: y) }
                column += width
                lastIndex = nil
                continue
            }
            if column + width > area.maxX {
                place(.blank(style), x: column, y: y)  // never split a wide glyph
                lastIndex = nil
                column += width
                break
            }
            place(Cell(String(character), width: Int8(width), style: style), x: column, y: y)
            lastIndex = y * size.width + column
            column += width
        }
        return column
    }

    /// The printable ASCII characters as strings, from space on.
    private static let ascii: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Gives the cell at (x, y) — and the trailing half of a wide glyph there — a new style,
    /// keeping its text.
    public mutating func restyle(x: Int, y: Int, _ style: Style) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        cells[index].style = style
        if cells[index].width == 2, x + 1 < size.width { cells[index + 1].style = style }
    }

    /// Places one cell, repairing any wide glyph it overwrites half of.
    mutating func place(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let row = y * size.width
        let index = row + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if cells[index].width == 2, x + 1 < size.width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        if cell.width == 2 {
            guard x + 1 < size.width else {
                cells[index] = .blank(cell.style)
                return
            }
            if cells[index + 1].width == 2, x + 2 < size.width {
                cells[index + 2] = .blank(cells[index + 2].style)
            }
            cells[index] = cell
            cells[index + 1] = .continuation(cell.style)
        } else {
            cells[index] = cell
        }
    }

    /// One row as plain text (continuation cells contribute nothing, so a row of CJK text
    /// reads naturally); trailing blanks are kept.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var out = ""
        for x in 0..<size.width {
            let cell = cells[y * size.width + x]
            if !cell.isContinuation { out += cell.text }
        }
        return out
    }

    /// The whole canvas as text, one line per row with trailing blanks removed: the form
    /// snapshot tests compare against.
    public var text: String {
        (0..<size.height).map { Self.trimTrailingSpaces(line($0)) }.joined(separator: "\n")
    }

    static func trimTrailingSpaces(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
