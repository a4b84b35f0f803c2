"""Use cases: the product's API. Plain Python, no Qt; one transaction per call."""
