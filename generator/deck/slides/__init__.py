"""One planner per slide kind: each turns a slide of the outline into pages of elements."""
