"""Plane geometry on lon/lat points for tools/build_basemap.py: TopoJSON arcs to rings, clipping to
a box, Douglas-Peucker simplification and the area of a ring. Standard library only."""
from __future__ import annotations


def topojson_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology as lists of (lon, lat)."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def topojson_ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """One ring from its arc indexes (~i is arc i reversed); shared end points kept once."""
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def exterior_rings(geometry: dict, arcs: list) -> list[list[tuple[float, float]]]:
    """The outer rings of a TopoJSON Polygon or MultiPolygon (lakes are not drawn)."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [topojson_ring(polygon[0], arcs) for polygon in polygons]


def clip_ring(ring: list[tuple[float, float]], box: tuple[float, float, float, float]):
    """Sutherland-Hodgman: the part of a closed ring inside the box (an open list of points)."""
    west, south, east, north = box
    edges = ((lambda p: p[0] >= west, 0, west), (lambda p: p[0] <= east, 0, east),
             (lambda p: p[1] >= south, 1, south), (lambda p: p[1] <= north, 1, north))
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, axis, limit in edges:
        if not points:
            break
        clipped, previous = [], points[-1]
        for point in points:
            if inside(point) != inside(previous):
                share = (limit - previous[axis]) / (point[axis] - previous[axis])
                crossing = [previous[0] + share * (point[0] - previous[0]),
                            previous[1] + share * (point[1] - previous[1])]
                crossing[axis] = limit
                clipped.append(tuple(crossing))
            if inside(point):
                clipped.append(point)
            previous = point
        points = clipped
    return points


def _distance(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify_line(points: list, tolerance: float) -> list:
    """Douglas-Peucker on an open line (iterative): the end points always stay."""
    if len(points) < 3:
        return list(points)
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep.add(index)
            stack.extend([(first, index), (index, last)])
    return [points[i] for i in sorted(keep)]


def simplify_ring(ring: list, tolerance: float) -> list:
    """A closed ring simplified: split at the point farthest from the first, each half simplified."""
    if len(ring) < 4:
        return list(ring)
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    return simplify_line(ring[:far + 1], tolerance)[:-1] + simplify_line([*ring[far:], ring[0]], tolerance)[:-1]


def area(ring: list) -> float:
    """Unsigned shoelace area in square degrees."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True))) / 2
