"""Print a .docx as PDF through LibreOffice's UNO API, its indexes updated first.

`soffice --convert-to pdf` prints a table of contents as the document caches it, and a
cached contents has no page numbers (only a program that has laid out the pages knows them).
Loaded through UNO, the document's indexes can be updated before it is stored as PDF, as
Word does when it opens the file. This file is run as a script by a Python that has
LibreOffice's `uno` module (Debian's `python3-uno`, LibreOffice's own Python elsewhere),
which need not be SmartPlan's: it imports only the standard library and `uno`.

    python3 uno_print.py SOFFICE PROFILE_URL DOCX PDF SECONDS

Exit status 0 when the PDF is written, else 1 with a one-line reason on stderr. After
SECONDS it gives up; the LibreOffice it started is stopped whatever happens. The reason is
for a developer and stays in English: `pdf.py` then prints the PDF the plain way without
showing it, and this script, run by another Python, cannot import SmartPlan's translations.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from typing import Any

#: How long LibreOffice may take to start listening before the attempt is given up.
START_SECONDS = 60.0


def _property(name: str, value: object) -> Any:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    found = PropertyValue()
    found.Name = name
    found.Value = value
    return found


def _connect(office: subprocess.Popen[bytes], pipe: str) -> Any:
    """The component context of the LibreOffice listening on `pipe`, once it listens."""
    import uno  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet: UNO's NoConnectException
            if office.poll() is not None:
                raise RuntimeError("LibreOffice stopped before it could be reached") from None
            if time.monotonic() > deadline:
                raise RuntimeError("LibreOffice did not start listening") from None
            time.sleep(0.1)  # a retry interval while it starts, not a wait for a result


def _give_up(signal_number: int, frame: object) -> None:
    raise TimeoutError("LibreOffice took too long")


def print_with_indexes(soffice: str, profile_url: str, docx: str, pdf: str) -> None:
    """`docx` stored as `pdf` by a LibreOffice of its own, every index updated."""
    import uno

    pipe = f"smartplan-{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile_url}", "--headless", "--invisible",
         "--norestore", "--nologo", "--nodefault", f"--accept=pipe,name={pipe};urp;"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        context = _connect(office, pipe)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(docx)), "_blank", 0,
            (_property("Hidden", True),))
        if document is None:
            raise RuntimeError("LibreOffice could not open the document")
        indexes = document.getDocumentIndexes()
        for number in range(indexes.getCount()):
            indexes.getByIndex(number).update()
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(pdf)),
                            (_property("FilterName", "writer_pdf_Export"),))
        document.close(True)
        with contextlib.suppress(Exception):  # the bridge goes down as LibreOffice quits
            desktop.terminate()
        office.wait(timeout=START_SECONDS)
    finally:
        if office.poll() is None:
            if hasattr(os, "killpg"):  # its own session: that LibreOffice and no other
                os.killpg(office.pid, signal.SIGKILL)
            else:
                office.kill()
            office.wait()


def main(arguments: list[str]) -> int:
    if len(arguments) != 5 or not arguments[4].isdigit():
        print("usage: uno_print.py SOFFICE PROFILE_URL DOCX PDF SECONDS", file=sys.stderr)
        return 1
    if hasattr(signal, "SIGALRM"):  # elsewhere the caller's timeout is the only one
        signal.signal(signal.SIGALRM, _give_up)
        signal.alarm(int(arguments[4]))
    try:
        print_with_indexes(*arguments[:4])
    except Exception as error:  # one line for the caller, which falls back to --convert-to
        print(" ".join(f"{type(error).__name__}: {error}".split())[:200], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
