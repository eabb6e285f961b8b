"""The `fyi` command: synth, render, validate, schema, assets, farm, data, instructions, view.

A user's mistake prints one line ("fyi: error: <file or field>: <what is wrong>") and exits 2;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from fyi.errors import FyiError


class ProgressBars:
    """One tqdm bar per stage on stderr; stages without counts show as a line. A timed bar (the farm's)
    also shows items per hour and the time left, counted from where it started."""

    def __init__(self, enabled: bool, timed: str | None = None):
        self.enabled = enabled
        self.timed = timed  # the unit of a timed bar ("scenes"), or None
        self.bar: tqdm | None = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.stage or self.bar is None:
            self.close()
            self.stage = stage
            timing = "{elapsed}<{remaining}{postfix}" if self.timed else "{elapsed}"  # postfix: ", N scenes/hour"
            self.bar = tqdm(total=max(total, 1), initial=done, desc=f"{stage:>20}", unit="step", file=sys.stderr,
                            leave=False, bar_format=f"{{desc}} {{bar:20}} {{n_fmt}}/{{total_fmt}} [{timing}]")
        self.bar.n = done
        if self.timed:
            elapsed = self.bar.format_dict["elapsed"]
            rate = (done - self.bar.initial) * 3600 / elapsed if elapsed > 0 else 0.0
            self.bar.set_postfix_str(f"{rate:.0f} {self.timed}/hour", refresh=False)
        self.bar.refresh()

    def write(self, line: str) -> None:
        """A line above the bar (or plain on stderr when bars are off)."""
        if self.enabled:
            tqdm.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _report(result, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"scene_dir": str(result.scene_dir), "scene_id": result.scene_id,
                          "warnings": result.warnings, "timings": result.timings}))
        return
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(result.scene_dir)


def _in_range(option: str, value: int, lo: int, hi: int) -> None:
    if not lo <= value <= hi:
        raise FyiError(f"{option}: expected {lo} to {hi}, got {value}")


def _assets(args, bars: ProgressBars) -> None:
    from fyi.api import output_folder
    from fyi.assets.catalog import categories, info, resolve_category
    from fyi.scenes.spec import MAX_SAMPLES, MAX_SEED

    if args.assets_command == "list":
        for c in categories():
            print(f"{c.name:<16} {c.group:<11} {c.placement:<8} {', '.join(c.synonyms)}")
        return
    if args.assets_command in ("index", "search", "show"):
        from fyi.assets import index

        if args.assets_command == "index":
            print(index.index_command([Path(d) for d in args.dirs], args.objaverse))
        elif args.assets_command == "search":
            _in_range("-k", args.k, 1, 1000)
            print("\n".join(index.search_command(args.text, args.k)))
        else:
            print(index.show_command(args.uid))
        return
    from fyi.render.gallery import render_gallery_pages

    names = None
    if args.categories:
        # Synonyms and plain words resolve; an unknown name is one error naming the nearest category.
        names = [resolve_category(n) or info(n.strip()).name for n in args.categories.split(",")]
    try:
        seeds = tuple(int(s) for s in args.seeds.split(","))
    except ValueError:
        raise FyiError(f"--seeds: expected comma-separated integers, got {args.seeds!r}") from None
    if not all(0 <= s <= MAX_SEED for s in seeds):
        raise FyiError(f"--seeds: expected integers from 0 to {MAX_SEED}, got {args.seeds!r}")
    _in_range("--size", args.size, 16, 1024)
    _in_range("--samples", args.samples, 1, MAX_SAMPLES)
    output_folder(Path(args.out))
    if args.all and args.categories:
        raise FyiError("--all and --categories: give one (--all is every category)")
    per_sheet = args.per_sheet if args.per_sheet is not None else (GALLERY_SHEET if args.all else None)
    if per_sheet is not None:
        _in_range("--per-sheet", per_sheet, 1, 1000)
    paths = render_gallery_pages(Path(args.out), per_sheet=per_sheet, categories=names, seeds=seeds, size=args.size,
                                 samples=args.samples, progress=lambda k, n: bars("gallery", k, n))
    bars.close()
    print("\n".join(str(p) for p in paths))


GALLERY_SHEET = 48  # tiles on one page of `fyi assets gallery --all`: 7 x 7 at most, readable at 160 px


def _farm(args, bars: ProgressBars) -> int:
    from fyi.farm import farm, status, status_lines

    if args.farm_command == "status":
        print("\n".join(status_lines(status(args.dir))))
        return 0
    bars.timed = "scenes"
    result = farm(args.jobs, args.out, workers=args.workers, address=args.address, variations=args.variations,
                  retries=args.retries, quality=args.quality, views=args.views, frames=args.frames, fps=args.fps,
                  clutter=args.clutter, progress=bars, report=lambda line: bars.write(f"fyi farm: {line}"))
    bars.close()
    done, failed = result.count("done"), result.count("failed")
    print(f"{done} done, {failed} failed of {len(result.jobs)} jobs: {Path(args.out) / 'dataset.json'}")
    if failed:
        print(f"fyi: {failed} of {len(result.jobs)} jobs failed; see fyi farm status {args.out}", file=sys.stderr)
        return 1
    return 0


def _add_data_parsers(dsub) -> None:
    """`fyi data qa|verify|constraints|dpo|evolve`: QA true by construction, constraint-bearing
    instruction data, DPO pairs, evolution."""
    dq = dsub.add_parser("qa", help="QA items whose answers are re-derived from the ground truth")
    dq.add_argument("source", help="a scene folder, or a dataset folder of scene folders (fyi farm run's --out)")
    dq.add_argument("--out", required=True, help="output folder: the items file and check.json")
    dq.add_argument("--generators", help="comma-separated generator names (default: all)")
    dq.add_argument("--per-image", type=int, help="at most N items per image (or image set)")
    dq.add_argument("--format", choices=("llava", "sharegpt", "hf", "jsonl"), default="llava")
    dq.add_argument("--seed", type=int, default=0)
    ve = dsub.add_parser("verify", help="score answers to constraint-bearing instructions (per-constraint pass rates)")
    ve.add_argument("answers", help="JSONL: one answer a line (id, constraints, answer; facts for perception ones)")
    ve.add_argument("--report", help="where the JSON report goes (default: ANSWERS with .report.json)")
    ve.add_argument("--judge", action="store_true",
                    help="judge the non-rule constraints with the model of FYI_MODEL_BASE_URL / FYI_MODEL")
    co = dsub.add_parser("constraints", help="compose instructions with 1-4 compatible constraints from items")
    co.add_argument("items", help="items JSONL (id, scene_id, images, question, answer, ...)")
    co.add_argument("--out", required=True, help="JSONL of instruction items with their constraints")
    co.add_argument("--per-item", type=int, default=1, help="constrained instructions per item")
    co.add_argument("--open-tasks", type=int, default=1, help="open tasks ('describe the scene') per scene")
    co.add_argument("--scenes", help="folder of scene folders (<scene_id>/scene.json) for the scene facts")
    co.add_argument("--seed", type=int, default=0)
    dp = dsub.add_parser("dpo", help="DPO pairs (prompt, chosen, rejected) whose chosen passes every constraint")
    dp.add_argument("items", nargs="?", help="items JSONL: pairs built offline from their exact answers")
    dp.add_argument("--answers", help="or: model answers JSONL (several per id), scored as `data verify` does")
    dp.add_argument("--judge", action="store_true", help="with --answers: judge non-rule constraints with the model")
    dp.add_argument("--out", required=True, help="DPO pairs JSONL (TRL DPOTrainer)")
    dp.add_argument("--conversational", action="store_true", help="messages with image placeholders and `images`")
    dp.add_argument("--open-tasks", type=int, default=1, help="pairs per scene from its exact description")
    dp.add_argument("--scenes", help="folder of scene folders (<scene_id>/scene.json) for the scene facts")
    dp.add_argument("--seed", type=int, default=0)
    ev = dsub.add_parser("evolve", help="harder items whose answers stay exact (templates; MMEvol with a model)")
    ev.add_argument("items", help="items JSONL")
    ev.add_argument("--out", required=True)
    ev.add_argument("--rounds", type=int, default=1, help="evolution rounds (1-3)")
    ev.add_argument("--scenes", help="folder of scene folders (<scene_id>/scene.json) for the model's scene graph")
    ev.add_argument("--seed", type=int, default=0)


def _add_instructions_parser(sub) -> None:
    """`fyi instructions evolve`."""
    i = sub.add_parser("instructions", help="scene instructions for farm jobs")
    isub = i.add_subparsers(dest="instructions_command", required=True)
    ie = isub.add_parser("evolve", help="seed instructions -> many diverse, buildable ones (JSONL a farm job reads)")
    ie.add_argument("seeds", help='JSONL: {"instruction": ...} a line')
    ie.add_argument("--rounds", type=int, default=2, help="mutation rounds (1-5)")
    ie.add_argument("--out", help="JSONL of jobs (default: printed)")
    ie.add_argument("--seed", type=int, default=0)


def _dropped(counts) -> str:
    return ", ".join(f"{n} {why}" for why, n in sorted(counts.items())) or "none"


def _instructions(args) -> None:
    from fyi.data.instruction_evolve import evolve_command

    result = evolve_command(args.seeds, args.rounds, args.out, args.seed)
    if args.out is None:
        print("".join(json.dumps(j) + "\n" for j in result.jobs), end="")
    print(f"{len(result.jobs)} instructions ({dict(result.kinds)}); dropped: {_dropped(result.dropped)}",
          file=sys.stderr)


def _data(args) -> None:
    if args.data_command == "qa":
        from fyi.api import qa

        result = qa(args.source, args.out, generators=args.generators, per_image=args.per_image,
                    format=args.format, seed=args.seed)
        r = result.report
        print(f"{r.kept} items from {result.scenes} scenes ({sum(r.dropped.values())} dropped by the checker, "
              f"{r.duplicates} duplicates, {r.blind} blind): {result.paths[args.format]}")
    elif args.data_command == "verify":
        from fyi.data.verify import verify_command

        report, path = verify_command(args.answers, args.report, args.judge)
        print("\n".join(report.lines()))
        print(f"report: {path}")
    elif args.data_command == "constraints":
        from fyi.data.compose import compose_command

        n = compose_command(args.items, args.out, args.seed, args.per_item, args.open_tasks, args.scenes)
        print(f"{n} instructions with constraints: {args.out}")
    elif args.data_command == "dpo":
        from fyi.data.dpo import dpo_command

        built = dpo_command(args.items, args.answers, args.out, args.seed, args.open_tasks, args.conversational,
                            args.scenes, args.judge)
        print(f"{len(built.pairs)} DPO pairs: {args.out}; dropped: {_dropped(built.dropped)}")
    elif args.data_command == "evolve":
        from fyi.data.evolve import evolve_command as evolve_items

        result = evolve_items(args.items, args.out, args.rounds, args.seed, args.scenes)
        print(f"{len(result.items)} evolved items: {args.out}; dropped: {_dropped(result.dropped)}")


def _view(args, bars: ProgressBars) -> int:
    import signal
    import time

    from fyi.view import serve, view

    _in_range("--port", args.port, 0, 65535)
    index = view(args.source, args.out, progress=lambda k, n: bars("scene pages", k, n))
    bars.close()
    if not args.serve:
        print(index)
        return 0
    server = serve(index.parent, args.port)
    # Ctrl-C stops it even when started from a shell that ignores SIGINT in its children (a background job).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    print(f"http://127.0.0.1:{server.server_port}/index.html", flush=True)
    print("serving the report; Ctrl-C stops", file=sys.stderr, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


def _add_lens_options(parser) -> None:
    """--dof, --fstop, --motion-blur, --shutter (scenes.lens): effects on the colour images only."""
    parser.add_argument("--dof", action="store_true",
                        help="depth of field, focused on the main subject (f-stop drawn under the seed: f/1.8-5.6)")
    parser.add_argument("--fstop", type=float, metavar="F", help="depth of field at f/F (0.5-64; implies --dof)")
    parser.add_argument("--motion-blur", action="store_true", help="motion blur on the frame sequence (4D)")
    parser.add_argument("--shutter", type=float, metavar="S",
                        help="motion blur over S of a frame (above 0, at most 1; default 0.5; implies --motion-blur)")


def _lens(args) -> dict:
    return {"dof": args.dof, "fstop": args.fstop, "motion_blur": args.motion_blur, "shutter": args.shutter}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="fyi", description="Follow Your Instruction: instructions in, annotated renders out.")
    sub = ap.add_subparsers(dest="command", required=True)

    s = sub.add_parser("synth", help="synthesize a scene dataset from an instruction")
    s.add_argument("text", help='the instruction, e.g. "a wooden table with two mugs on it"')
    s.add_argument("--out", required=True, help="output folder; the scene goes to OUT/<scene_id>/")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--variations", type=int, default=1, metavar="K",
                   help="K scenes of the instruction, seeds SEED..SEED+K-1: layout, room, materials, lights "
                        "and cameras differ, each follows the instruction")
    s.add_argument("--quality", choices=("draft", "standard", "high"), default="draft")
    s.add_argument("--views", type=int, default=4)
    s.add_argument("--frames", type=int, default=0,
                   help="frames of the 4D sequence when the instruction has motion (default: 24 at 12 fps)")
    s.add_argument("--fps", type=float, default=24.0, help="frame rate of the sequence when --frames is given")
    s.add_argument("--clutter", default="low", metavar="none|low|high",
                   help="context objects of the room type besides what is asked for (default: low)")
    s.add_argument("--rounds", type=int, default=3, help="most Optimizer rounds")
    s.add_argument("--critic-views", type=int, default=6, help="views a VLM critic sees (1-6; with a model)")
    s.add_argument("--image", action="append", default=[], metavar="PATH",
                   help="a reference image for the Collector (needs a model; repeatable)")
    s.add_argument("--assets", action="append", default=[], metavar="DIR",
                   help="a folder of GLB/glTF/OBJ/PLY assets to draw from (repeatable; optional fyi_assets.json)")
    s.add_argument("--objaverse", action="store_true",
                   help="draw assets from the Objaverse cache too ($FYI_OBJAVERSE_DIR or ~/.objaverse)")
    s.add_argument("--resume", metavar="RUN_ID", help="continue a run that was stopped, from its last finished step")
    s.add_argument("--run-id", metavar="RUN_ID", help="name the run (default: a new random id)")
    s.add_argument("--json", action="store_true", help="print the result as JSON")
    s.add_argument("--quiet", action="store_true", help="no progress bars")
    s.add_argument("--no-qa", action="store_true", help="write no instructions.jsonl (QA items on the views)")
    _add_lens_options(s)

    allow = "a folder asset files may come from, besides the spec's own folder (repeatable)"
    r = sub.add_parser("render", help="render a scene spec (YAML) into a dataset")
    r.add_argument("spec")
    r.add_argument("--out", required=True)
    r.add_argument("--assets", action="append", default=[], metavar="DIR", help=allow)
    r.add_argument("--json", action="store_true")
    r.add_argument("--quiet", action="store_true")
    r.add_argument("--no-qa", action="store_true", help="write no instructions.jsonl (QA items on the views)")
    _add_lens_options(r)

    v = sub.add_parser("validate", help="check a scene spec and say what is wrong")
    v.add_argument("spec")
    v.add_argument("--assets", action="append", default=[], metavar="DIR", help=allow)

    sub.add_parser("schema", help="print the JSON Schema of the scene spec")

    a = sub.add_parser("assets", help="the offline asset library")
    asub = a.add_subparsers(dest="assets_command", required=True)
    asub.add_parser("list", help="every category with its group, placement and synonyms")
    ix = asub.add_parser("index", help="index the procedural library, local folders and the Objaverse cache")
    ix.add_argument("dirs", nargs="*", help="local asset folders")
    ix.add_argument("--objaverse", action="store_true", help="include the Objaverse cache")
    se = asub.add_parser("search", help="the assets that best match a text (BM25)")
    se.add_argument("text")
    se.add_argument("-k", type=int, default=5)
    sh = asub.add_parser("show", help="one indexed asset: source, uid, category, licence, description")
    sh.add_argument("uid")
    g = asub.add_parser("gallery", help="render a labelled contact sheet of the library")
    g.add_argument("--out", required=True)
    g.add_argument("--categories", help="comma-separated categories (default: all)")
    g.add_argument("--all", action="store_true",
                   help=f"every category, on sheets of --per-sheet tiles (default {GALLERY_SHEET}): gallery-01.png ...")
    g.add_argument("--per-sheet", type=int, help="tiles per sheet: gallery-01.png, gallery-02.png ...")
    g.add_argument("--seeds", default="0", help="comma-separated seeds: one tile per category and seed")
    g.add_argument("--size", type=int, default=160, help="tile size in pixels")
    g.add_argument("--samples", type=int, default=8)
    g.add_argument("--quiet", action="store_true")

    f = sub.add_parser("farm", help="many scenes from a list of jobs, on Ray (a laptop or a cluster)")
    fsub = f.add_subparsers(dest="farm_command", required=True)
    fr = fsub.add_parser("run", help="make every job's scene (again only what is unfinished), then the dataset files")
    fr.add_argument("jobs", help="a JSONL file (one job a line: instruction or spec, id, seed, variations, frames, "
                                 "fps, quality, views, clutter), a folder of scene.yaml files, or - for JSONL on stdin")
    fr.add_argument("--out", required=True, help="dataset folder: OUT/<job id>/, dataset.json, coco.json, hf/")
    fr.add_argument("--workers", type=int, help="scenes at once (default: one per core; local Ray)")
    fr.add_argument("--address", help="an existing Ray cluster: auto or ray://HOST:PORT")
    fr.add_argument("--variations", type=int, default=1, help="seeds per instruction (seed, seed+1, ...)")
    fr.add_argument("--retries", type=int, default=1, help="further tries of a failed job before it is recorded")
    fr.add_argument("--quality", choices=("draft", "standard", "high"), default="draft")
    fr.add_argument("--views", type=int, default=4)
    fr.add_argument("--frames", type=int, default=0)
    fr.add_argument("--fps", type=float, default=24.0)
    fr.add_argument("--clutter", default="low", metavar="none|low|high",
                    help="context objects per scene (a job's own 'clutter' key wins; default: low)")
    fr.add_argument("--quiet", action="store_true")
    fs = fsub.add_parser("status", help="done / failed / pending, throughput and each failure's error")
    fs.add_argument("dir")

    d = sub.add_parser("data", help="instruction data whose answers are true by construction")
    _add_data_parsers(d.add_subparsers(dest="data_command", required=True))
    _add_instructions_parser(sub)
    w = sub.add_parser("view", help="an HTML report of a scene or a dataset (opens offline; --serve to serve it)")
    w.add_argument("source", help="a scene folder or a dataset folder (fyi farm's output, or a folder of scenes)")
    w.add_argument("--out", help="report folder (default: SOURCE/report/)")
    w.add_argument("--serve", action="store_true", help="serve the report on 127.0.0.1 until Ctrl-C")
    w.add_argument("--port", type=int, default=8000, help="port for --serve (0: any free port)")
    w.add_argument("--quiet", action="store_true")

    args = ap.parse_args(argv)
    bars = ProgressBars(enabled=not getattr(args, "quiet", True) and sys.stderr.isatty())
    try:
        if getattr(args, "out", None) == "":  # Path("") would be the current folder
            raise FyiError("--out: empty; name the output folder")
        if args.command == "synth":
            from fyi.api import RUN_ID, check_request, new_run_id, synthesize

            _in_range("--variations", args.variations, 1, 1000)
            for seed in (args.seed, args.seed + args.variations - 1):
                check_request(args.text, args.quality, args.views, args.frames, args.fps, args.image, args.assets,
                              seed=seed, max_rounds=args.rounds, critic_views=args.critic_views, clutter=args.clutter,
                              fstop=args.fstop, shutter=args.shutter)
            if args.resume and args.variations > 1:
                raise FyiError("--resume continues one run; resume each variation by its run id (RUN_ID.vK)")
            for option, value in (("--resume", args.resume), ("--run-id", args.run_id)):
                if value is not None and not RUN_ID.match(value):
                    raise FyiError(f"{option}: {value!r} is not a plain name (letters, digits, '_', '.', '-'; "
                                   f"at most 64)")
            if args.resume and args.run_id and args.resume != args.run_id:
                raise FyiError(f"--run-id: {args.run_id!r} differs from --resume {args.resume!r}; give one of them")
            run_id = args.resume or args.run_id or new_run_id()
            if bars.enabled:  # scripts name their runs with --run-id
                print(f"fyi: run {run_id} (if it stops, continue it with --resume {run_id})", file=sys.stderr)
            for k in range(args.variations):  # one scene per seed; a scene that fails stops the rest
                result = synthesize(args.text, args.out, seed=args.seed + k, quality=args.quality,
                                    views=args.views, frames=args.frames, fps=args.fps, max_rounds=args.rounds,
                                    critic_views=args.critic_views, clutter=args.clutter, images=args.image,
                                    asset_dirs=args.assets, objaverse=args.objaverse,
                                    run_id=run_id if args.variations == 1 else f"{run_id}.v{k}",
                                    resume=bool(args.resume), progress=bars, qa=not args.no_qa, **_lens(args))
                bars.close()
                _report(result, args.json)
        elif args.command == "render":
            from fyi.api import render

            result = render(args.spec, args.out, asset_dirs=args.assets, progress=bars, qa=not args.no_qa,
                            **_lens(args))
            bars.close()
            _report(result, args.json)
        elif args.command == "validate":
            from fyi.api import validate

            spec = validate(args.spec, asset_dirs=args.assets)
            state = "resolved (renders as it is)" if spec.resolved else "partial (will be laid out when rendered)"
            print(f"{args.spec}: ok, {len(spec.objects)} objects, {len(spec.relations)} relations, {state}")
        elif args.command == "assets":
            _assets(args, bars)
        elif args.command == "farm":
            return _farm(args, bars)
        elif args.command == "data":
            _data(args)
        elif args.command == "instructions":
            _instructions(args)
        elif args.command == "view":
            return _view(args, bars)
        elif args.command == "schema":
            from fyi.scenes.io import spec_json_schema

            print(json.dumps(spec_json_schema(), indent=2))
    except FyiError as e:
        bars.close()
        print(f"fyi: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        bars.close()
        print("fyi: interrupted; no scene folder was written (a synth run can continue with --resume)", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
