"""Policy Assistant: ask questions of international cyber-policy texts, with exact citations."""

from assistant.config import Settings
from assistant.service import Assistant

__all__ = ["Assistant", "Settings"]
__version__ = "0.1.0"
