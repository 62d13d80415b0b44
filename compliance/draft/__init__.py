"""Drafting aids for legal staff: reference review, amendment drafts, draft-to-draft diff."""
