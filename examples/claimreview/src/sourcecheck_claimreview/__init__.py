"""Fact-checks of this article: a sourcecheck check on schema.org ClaimReview records."""

from sourcecheck_claimreview.check import ClaimReviewCheck

__all__ = ["ClaimReviewCheck"]
