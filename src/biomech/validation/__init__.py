"""Validation harnesses: the model beside published studies (:mod:`.studies`).

These sit above every other layer: they run exercises and muscles and compare them with
numbers from papers; the library itself never imports them.
"""
