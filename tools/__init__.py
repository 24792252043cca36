"""Developer tools beside the apps: checks of the code itself, never imported by the portal."""
