"""The local S3-like object store component (`oss` API); see store.py."""

from .listing import ListPage
from .store import Deleted, ObjectStore, Selected

__all__ = ["Deleted", "ListPage", "ObjectStore", "Selected"]
