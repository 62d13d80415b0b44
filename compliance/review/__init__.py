"""The reference review: drafting slips a reviewer checks (dangling and misdirected references,
numbering gaps), read from an analysed regulation; the reports show it, the drafting aids in
``compliance.draft`` write documents from the report."""
