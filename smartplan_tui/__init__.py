"""SmartPlan: strategic-planning workshops in the terminal."""

__version__ = "0.1.0"
