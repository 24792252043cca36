"""The French text kernel: words and forms of French shared by every app (plain Python, no Django)."""
