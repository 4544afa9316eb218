"""Links to listed domains: a sourcecheck check."""

from sourcecheck_linked_domain_list.check import LinkedDomainList

__all__ = ["LinkedDomainList"]
