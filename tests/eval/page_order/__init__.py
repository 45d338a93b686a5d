"""Helpers of tests/eval/reading_order_eval.py (PAGE XML reading-order evaluation).

pagexml   - reading PAGE XML: region boxes, the ReadingOrder flattened, the
            order-destroyed copy of a page (no reading order, ids replaced).
baselines - geometric reading-order baselines on region boxes: row sort,
            recursive XY-cut, Breuel's topological sort.
metrics   - Kendall tau, successor accuracy, lost/duplicated regions.

Standard library only.
"""
