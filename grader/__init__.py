"""ML Stack Katas autograder.

Run it as ``python -m grader grade --phase 1 --target exercises``; check authors use
:mod:`grader.check`.
"""
