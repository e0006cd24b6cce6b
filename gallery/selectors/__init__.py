"""Reads for the gallery, one module per audience: `studio` (an artist's own works),
`portfolios` (public artist pages and cards), `browse` (the gallery page, its `filters`,
`facets` and `search`, and a work's own page with its `jsonld`), `exhibitions`, and `cards`
(public artwork and artist cards, the one way any page builds them).

Selectors import model modules, never page modules: a page imports its selectors, not the
other way round.
"""
