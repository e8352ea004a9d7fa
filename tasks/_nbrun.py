#!/usr/bin/env python3
"""Execute one Jupyter notebook without losing outputs, then export it to HTML.

Used by `deno task report` (tasks/report.ts); run it directly only to debug.

Why not `jupyter nbconvert --execute`: the Deno kernel (2.9.x) publishes some iopub
messages (display data, results, stdout) after the cell's `execute_reply` and `idle`
status, and nbclient stops listening for a cell at its idle, so late outputs vanish
with exit code 0. Sometimes the kernel even stamps a late message with the *next*
request as parent. This runner:

  1. routes every iopub message, for the whole run, to the cell whose request is its
     `parent_header.msg_id` (a late output lands in its own cell, whenever it comes);
  2. after each cell's idle, executes a silent sentinel request that yields to the
     kernel's event loop; anything stamped with the sentinel's id is a late output of
     the cell just run, and is appended to it;
  3. after the last cell, waits until iopub has been quiet for QUIET_S seconds.

The router is the only reader of iopub once the kernel is up (nbclient's own iopub
reads are replaced, and any other read raises). If the router stops, for instance on a
message that fails its HMAC check, the run stops at once with IopubLost: the stream can
no longer be trusted, so outputs may be missing, and the notebook is not run again as
cells may have side effects. Cause seen: the Deno kernel (2.9.6, ext:cli/jupyter_kernel.js)
sends an iopub message as a loop of socket writes with no lock per connection, so a
cell's `idle` status can be written between two writes of a large output (the inlined
plotly.js, 4.9 MB, needs two); about 1 run in 150 to 400 on a loaded machine.

A kernel that dies before its first reply (another process took one of its ports:
AddrInUse) has run nothing, so it is started again on new ports, up to KERNEL_STARTS.

Usage:
  _nbrun.py NOTEBOOK [--html OUT.html] [--ipynb OUT.ipynb] [--timeout-s 600]
            [--kernel deno] [--no-input] [--param NAME=VALUE ...]

Parameters reach the kernel as environment variables (set by the caller); --param
only records them in the report. Exit codes: 0 success, 1 notebook failed, timed out,
lost its output stream or its kernel did not start, 2 Jupyter pieces missing (nbclient,
nbconvert or the kernel).
"""

import argparse
import asyncio
import importlib.util
import os
import re
import sys
from time import monotonic

try:
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError
    from nbclient.exceptions import DeadKernelError
    from nbclient.util import ensure_async

    if importlib.util.find_spec("nbconvert") is None:  # imported by export_html, when needed
        raise ImportError("No module named 'nbconvert'")
except ImportError as err:  # pragma: no cover - exercised through tasks/report.ts
    print(f"Cannot run notebooks: {err}", file=sys.stderr)
    sys.exit(2)

SENTINEL = "await new Promise((resolve) => setTimeout(resolve, 20));"
QUIET_S = 0.3
KERNEL_STARTS = 3  # a kernel that dies before its first reply is started again, up to this
TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_report_template")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class IopubLost(RuntimeError):
    """The router stopped reading iopub; the outputs of the run are incomplete."""


class KernelStartFailed(RuntimeError):
    """The kernel did not answer, or died before its first reply KERNEL_STARTS times."""


class ReliableClient(NotebookClient):
    """NotebookClient whose iopub handling tolerates outputs that arrive late."""

    def __init__(self, nb, **kw):
        super().__init__(nb, **kw)
        self._routes = {}  # request msg_id -> (cell, cell_index, is_sentinel)
        self._orphans = {}  # msg_id -> messages seen before their route was known
        self._idle = {}  # msg_id -> asyncio.Event set at its idle status
        self._router = None
        self._last_iopub = monotonic()
        self.current_cell_index = None

    def _idle_event(self, msg_id):
        return self._idle.setdefault(msg_id, asyncio.Event())

    def _add_route(self, msg_id, cell, cell_index, sentinel):
        self._routes[msg_id] = (cell, cell_index, sentinel)
        for msg in self._orphans.pop(msg_id, []):
            self._dispatch(msg)

    def _dispatch(self, msg):
        parent = msg["parent_header"].get("msg_id")
        route = self._routes.get(parent)
        if route is None:
            self._orphans.setdefault(parent, []).append(msg)
            return
        cell, cell_index, sentinel = route
        kind = msg["msg_type"]
        if kind == "status":
            if msg["content"].get("execution_state") == "idle":
                self._idle_event(parent).set()
            return
        if sentinel and kind == "execute_input":
            return
        try:
            self.process_message(msg, cell, cell_index)
        except CellExecutionComplete:
            pass

    def _take_iopub(self):
        """Returns the iopub reader and makes every other read of iopub raise."""
        channel = self.kc.iopub_channel
        read = channel.get_msg

        def refuse(*args, **kwargs):
            raise RuntimeError("Cannot read iopub: tasks/_nbrun.py routes it (one reader only)")

        channel.get_msg = refuse
        return read

    async def _route_forever(self, read):
        while True:
            msg = await ensure_async(read(timeout=None))
            self._last_iopub = monotonic()
            self._dispatch(msg)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self._add_route(parent_msg_id, cell, cell_index, False)
        await self._idle_event(parent_msg_id).wait()
        sentinel_id = await ensure_async(
            self.kc.execute(SENTINEL, silent=True, store_history=False, stop_on_error=False)
        )
        self._add_route(sentinel_id, cell, cell_index, True)
        await self._idle_event(sentinel_id).wait()

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        self.current_cell_index = cell_index
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)

    async def _run_cells(self):
        msg_id = await ensure_async(self.kc.kernel_info())
        info = await self.async_wait_for_reply(msg_id)
        if info is not None and "language_info" in info["content"]:
            self.nb.metadata["language_info"] = info["content"]["language_info"]
        for index, cell in enumerate(self.nb.cells):
            await self.async_execute_cell(cell, index, execution_count=self.code_cells_executed + 1)
        while monotonic() - self._last_iopub < QUIET_S:
            await asyncio.sleep(0.05)

    async def _start_kernel(self, **kwargs):
        """Starts the kernel, again on new ports if it dies before its first reply.

        Nothing has run in it then, so starting another is safe. It happens on a busy
        machine: another process takes a port that jupyter_client picked before the kernel
        binds it, and the Deno kernel exits with AddrInUse.
        """
        for attempt in range(1, KERNEL_STARTS + 1):
            self.km = self.create_kernel_manager()
            await self.async_start_new_kernel(**kwargs)
            try:
                await self.async_start_new_kernel_client()  # stops the kernel if it fails
                return
            except RuntimeError as err:
                if "died" not in str(err):
                    raise KernelStartFailed(str(err)) from err
                if attempt == KERNEL_STARTS:
                    raise KernelStartFailed(f"{err}, {KERNEL_STARTS} times") from err
                print(f"The kernel died while starting ({err}); starting it again", file=sys.stderr)

    async def async_execute(self, reset_kc=False, **kwargs):
        """NotebookClient.async_execute with one iopub router, stopped by its failure."""
        self.reset_execution_trackers()
        await self._start_kernel(**kwargs)
        async with self.async_setup_kernel():
            self._router = asyncio.ensure_future(self._route_forever(self._take_iopub()))
            cells = asyncio.ensure_future(self._run_cells())
            try:
                await asyncio.wait({self._router, cells}, return_when=asyncio.FIRST_COMPLETED)
                if self._router.done():
                    err = self._router.exception()
                    why = f"{type(err).__name__}: {err}" if err else "the router stopped"
                    raise IopubLost(why) from err
                cells.result()
            finally:
                for task in (cells, self._router):
                    task.cancel()
                await asyncio.gather(cells, self._router, return_exceptions=True)
        return self.nb


def fail(message):
    print(ANSI.sub("", message), file=sys.stderr)
    sys.exit(1)


def describe_cell(nb, index):
    source = nb.cells[index].source
    lines = source.splitlines()
    shown = "\n".join("    " + line for line in lines[:12])
    more = f"\n    ... ({len(lines) - 12} more lines)" if len(lines) > 12 else ""
    return f"cell {index + 1} of {len(nb.cells)}:\n{shown}{more}"


def where_in(nb, client):
    index = client.current_cell_index
    return describe_cell(nb, index) if index is not None else "kernel start"


def error_output(cell):
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return out
    return None


def add_parameter_cell(nb, params):
    if not params:
        return
    rows = "\n".join(f"| `{name}` | `{value}` |" for name, value in params)
    text = f"**Run parameters**\n\n| name | value |\n|---|---|\n{rows}\n"
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(text))


def export_html(nb, path, exclude_input):
    from nbconvert import HTMLExporter  # slow to import (IPython, mistune): only for --html

    exporter = HTMLExporter(
        extra_template_basedirs=[os.path.dirname(TEMPLATE_DIR)],
        template_name=os.path.basename(TEMPLATE_DIR),
    )
    exporter.exclude_input = exclude_input
    exporter.exclude_input_prompt = exclude_input
    name = os.path.splitext(os.path.basename(path))[0]
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--html")
    parser.add_argument("--ipynb")
    parser.add_argument("--timeout-s", type=float, default=600.0)
    parser.add_argument("--kernel", default="deno")
    parser.add_argument("--no-input", action="store_true")
    parser.add_argument("--param", action="append", default=[])
    args = parser.parse_args()

    try:
        KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        print(f"Cannot run notebooks: the Jupyter kernel '{args.kernel}' is not installed", file=sys.stderr)
        sys.exit(2)

    nb = nbformat.read(args.notebook, as_version=4)
    deadline = monotonic() + args.timeout_s
    client = ReliableClient(
        nb,
        kernel_name=args.kernel,
        timeout_func=lambda cell: max(1, int(deadline - monotonic() + 0.999)),
        iopub_timeout=120,
        raise_on_iopub_timeout=True,
        shutdown_kernel="immediate",
        record_timing=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.notebook))}},
    )
    where = args.notebook
    try:
        asyncio.run(asyncio.wait_for(client.async_execute(), args.timeout_s + 30))
    except CellExecutionError as err:
        index = client.current_cell_index
        out = error_output(nb.cells[index]) or {}
        trace = "\n".join(out.get("traceback", [])) or str(err)
        fail(f"Notebook {where} failed in {describe_cell(nb, index)}\n{trace}")
    except KernelStartFailed as err:
        fail(f"Notebook {where}: the kernel did not start: {err}")
    except IopubLost as err:
        fail(
            f"Notebook {where}: lost the kernel's output stream (iopub) in {where_in(nb, client)}\n"
            f"{str(err)[:200]}\nOutputs may be missing, so no report was written. This is a"
            " transport fault (seen with the Deno kernel under heavy load), not an error in the"
            " notebook: run it again."
        )
    except CellTimeoutError as err:
        if "IOPub" in str(err):
            fail(
                f"Notebook {where}: the kernel answered {where_in(nb, client)} but did not report"
                f" it idle within {client.iopub_timeout} s"
            )
        fail(f"Notebook {where} timed out after {args.timeout_s:g} s in {where_in(nb, client)}")
    except asyncio.TimeoutError:
        fail(f"Notebook {where} timed out after {args.timeout_s:g} s in {where_in(nb, client)}")
    except DeadKernelError:
        fail(f"Notebook {where}: the kernel died in {describe_cell(nb, client.current_cell_index)}")

    for index, cell in enumerate(nb.cells):
        if error_output(cell) is not None:
            fail(f"Notebook {where} failed in {describe_cell(nb, index)}")
    params = [tuple(p.split("=", 1)) for p in args.param]
    add_parameter_cell(nb, params)
    if args.ipynb:
        nbformat.write(nb, args.ipynb)
    if args.html:
        export_html(nb, args.html, args.no_input)


if __name__ == "__main__":
    main()
