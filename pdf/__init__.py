"""Reading PDF pages, below every app: the lock around pdfium and OCR with tesseract (plain Python, no Django).

The pipeline reads pages with it; privacy draws masked page images and finds the words a mask covers on a scan.
"""

import threading

# pdfium is not thread-safe, even across documents: every call into it holds this lock.
# Tesseract itself runs in a child process, outside the lock, so pages still overlap.
PDFIUM_LOCK = threading.Lock()
