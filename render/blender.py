"""Build a Blender scene from the resolved scene description, and render it with Cycles on CPU.

One `BlenderScene` per scene: the constructor resets Blender and turns a `render.scene.ResolvedScene`
into bpy data once (room shell, world and lights, objects, materials); `render_exr` then only moves
the camera and renders, and with persistent data on Cycles keeps its scene between views. Each render
writes every pass at once (Combined, Depth, Normal, IndexOB) into one multilayer EXR that
`passes.read_exr` splits. What the scene holds is decided in render/scene.py, not here.
With depth of field (scenes.lens) the colour images come from a second render through the lens,
after the exact one: `render_lens_colour`.
"""
from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import bpy
import numpy as np
from mathutils import Matrix, Vector

from fyi.assets.model import Asset
from fyi.errors import FyiError
from fyi.render.materials import make_material
from fyi.render.passes import ViewPasses, read_exr, read_rgb, write_rgb, write_view
from fyi.render.scene import Light, Material, Node, ResolvedScene, World, resolve
from fyi.scenes.cameras import SENSOR_MM
from fyi.scenes.lens import focus_distance, focus_point
from fyi.scenes.spec import CameraSpec, SceneSpec


def reset_blender() -> None:
    """An empty Blender: frees every datablock of the previous scene so one process can render many."""
    bpy.ops.wm.read_factory_settings(use_empty=True)


def _new_mesh(name: str, vertices: np.ndarray, faces: np.ndarray, material_index: np.ndarray) -> bpy.types.Mesh:
    """A triangle mesh straight from arrays (foreach_set: no per-vertex Python loop)."""
    vertices = np.ascontiguousarray(vertices, dtype=np.float32)
    faces = np.ascontiguousarray(faces, dtype=np.int32)
    me = bpy.data.meshes.new(name)
    me.vertices.add(len(vertices))
    me.vertices.foreach_set("co", vertices.ravel())
    me.loops.add(faces.size)
    me.loops.foreach_set("vertex_index", faces.ravel())
    me.polygons.add(len(faces))
    me.polygons.foreach_set("loop_start", np.arange(0, faces.size, 3, dtype=np.int32))
    me.polygons.foreach_set("material_index", np.ascontiguousarray(material_index, dtype=np.int32))
    me.update()
    me.validate(clean_customdata=False)
    return me


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence Cycles' per-sample progress lines, which C code prints straight to fd 1."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no real stdout (embedded): nothing to silence
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


class BlenderScene:
    """One resolved scene built in Blender, ready to be rendered from any number of cameras."""

    def __init__(self, resolved: ResolvedScene) -> None:
        reset_blender()
        self.resolved = resolved
        self.scene = bpy.context.scene
        self._materials: dict[Material, bpy.types.Material] = {}
        self._configure_render()
        for node in resolved.room.nodes:
            self._add_node(node)
        self._set_world(resolved.world)
        for light in resolved.lights:
            self._add_light(light)
        self.objects: dict[str, bpy.types.Object] = {node.name: self._add_node(node) for node in resolved.objects}
        cam_data = bpy.data.cameras.new("camera")
        cam_data.sensor_fit = "HORIZONTAL"
        cam_data.sensor_width = SENSOR_MM
        cam_data.clip_start = 0.01
        cam_data.clip_end = 1000.0
        self.camera = bpy.data.objects.new("camera", cam_data)
        self.scene.collection.objects.link(self.camera)
        self.scene.camera = self.camera

    # --- settings ---------------------------------------------------------------------------

    def _configure_render(self) -> None:
        sc = self.scene
        sc.render.engine = "CYCLES"
        sc.cycles.device = "CPU"
        # A farm worker renders with its share of the cores (FYI_RENDER_THREADS), so N workers on one
        # machine do not oversubscribe it; alone, Blender takes them all.
        threads = int(os.environ.get("FYI_RENDER_THREADS", "0") or 0)
        sc.render.threads_mode = "FIXED" if threads > 0 else "AUTO"
        if threads > 0:
            sc.render.threads = threads
        sc.render.use_persistent_data = True
        sc.cycles.seed = self.resolved.seed % 2**31  # Cycles takes a signed 32-bit seed
        sc.cycles.use_animated_seed = False
        # Few bounces and clamped indirect light: low-sample renders without fireflies.
        sc.cycles.max_bounces = 8
        sc.cycles.diffuse_bounces = 3
        sc.cycles.glossy_bounces = 3
        sc.cycles.transmission_bounces = 8
        sc.cycles.transparent_max_bounces = 16
        sc.cycles.caustics_reflective = False
        sc.cycles.caustics_refractive = False
        sc.cycles.sample_clamp_indirect = 10.0
        sc.cycles.denoiser = "OPENIMAGEDENOISE"
        # Applied inside the renderer, so the linear Combined pass in the EXR is already exposed and
        # passes.read_exr needs no scene settings.
        sc.cycles.film_exposure = 2.0 ** self.resolved.exposure
        sc.render.film_transparent = False
        sc.render.resolution_percentage = 100
        sc.render.use_file_extension = False

        vs = sc.view_settings
        vs.view_transform = "Standard"
        vs.look = "None"
        vs.exposure = 0.0
        vs.gamma = 1.0
        sc.display_settings.display_device = "sRGB"

        vl = sc.view_layers[0]
        vl.use_pass_combined = True
        vl.use_pass_z = True
        vl.use_pass_normal = True
        vl.use_pass_object_index = True
        # Transparent wall backfaces (alpha 0) must not write depth/normal/index.
        vl.pass_alpha_threshold = 0.5

        im = sc.render.image_settings
        im.file_format = "OPEN_EXR_MULTILAYER"
        im.color_depth = "32"
        im.exr_codec = "ZIP"
        im.color_mode = "RGBA"

    # --- meshes -----------------------------------------------------------------------------

    def _material(self, material: Material) -> bpy.types.Material:
        """One bpy material per material of the scene (the four walls share their paint)."""
        if material not in self._materials:
            self._materials[material] = make_material(material)
        return self._materials[material]

    def _add_node(self, node: Node) -> bpy.types.Object:
        """One Blender object per node: its meshes as material slots of one mesh."""
        material_index = np.concatenate([np.full(len(m.faces), i) for i, m in enumerate(node.meshes)])
        mesh = _new_mesh(node.name, node.vertices, node.faces, material_index)
        if node.smooth:
            # Smooth by angle: revolved and cylindrical parts shade round, box edges stay crisp.
            mesh.shade_smooth()
            mesh.set_sharp_from_angle(angle=math.radians(35.0))
        for m in node.meshes:
            mesh.materials.append(self._material(m.material))
        ob = bpy.data.objects.new(node.name, mesh)
        ob.pass_index = node.instance_id
        self.scene.collection.objects.link(ob)
        ob.location = node.position
        ob.rotation_mode = "QUATERNION"
        ob.rotation_quaternion = node.rotation
        ob.scale = node.scale
        return ob

    # --- world and lights -------------------------------------------------------------------

    def _add_light(self, light: Light) -> bpy.types.Object:
        data = bpy.data.lights.new(light.name, light.kind.upper())
        data.energy = light.energy
        data.use_temperature = True
        data.temperature = light.kelvin
        if light.kind == "area":
            data.shape = "RECTANGLE"
            data.size = light.size
            data.size_y = light.size if light.size_y is None else light.size_y
        elif light.kind == "sun":
            data.angle = math.radians(light.size)
        ob = bpy.data.objects.new(light.name, data)
        # A panel floating under a ceiling-less room looks wrong, and light hits write no depth.
        ob.visible_camera = False
        ob.location = Vector(light.position)
        direction = Vector(light.target) - Vector(light.position)
        ob.rotation_mode = "QUATERNION"
        ob.rotation_quaternion = direction.to_track_quat("-Z", "Y")
        self.scene.collection.objects.link(ob)
        return ob

    def _set_world(self, world: World) -> None:
        """A uniform background, or a colour ramp over the view direction's height (a sky)."""
        bw = bpy.data.worlds.new("world")
        bw.use_nodes = True
        nt = bw.node_tree
        bg = nt.nodes["Background"]
        bg.inputs["Strength"].default_value = world.strength
        if world.sky is not None:
            sky = nt.nodes.new("ShaderNodeTexSky")
            sky.sky_type = "NISHITA"
            sky.sun_disc = False  # the sun light is the sun; a disc in the sky would be a second one
            sky.sun_elevation = math.radians(world.sky.sun_elevation)
            # Blender turns its sky's sun clockwise from +y; the scene's azimuth turns from +x toward +y
            # (tests/test_places.py finds the sky brightest toward the sun light).
            sky.sun_rotation = math.radians(90.0 - world.sky.sun_azimuth)
            sky.dust_density = 0.8
            sky.ozone_density = 2.0  # a bluer sky: more ozone
            bg.inputs["Strength"].default_value = world.sky.strength
            nt.links.new(sky.outputs["Color"], bg.inputs["Color"])
        elif len(world.stops) == 1:
            bg.inputs["Color"].default_value = (*world.stops[0][1], 1.0)
        else:
            coords = nt.nodes.new("ShaderNodeTexCoord")
            split = nt.nodes.new("ShaderNodeSeparateXYZ")
            ramp = nt.nodes.new("ShaderNodeValToRGB")
            nt.links.new(coords.outputs["Generated"], split.inputs["Vector"])
            # The world's Generated coordinate is the view direction: z runs -1 (down) .. 1 (up).
            remap = nt.nodes.new("ShaderNodeMapRange")
            remap.inputs["From Min"].default_value = -1.0
            remap.inputs["From Max"].default_value = 1.0
            nt.links.new(split.outputs["Z"], remap.inputs["Value"])
            nt.links.new(remap.outputs["Result"], ramp.inputs["Fac"])
            els = ramp.color_ramp.elements
            (first, first_color), *middle, (last, last_color) = world.stops
            els[0].position, els[0].color = first, (*first_color, 1.0)
            els[1].position, els[1].color = last, (*last_color, 1.0)
            for position, color in middle:
                els.new(position).color = (*color, 1.0)
            nt.links.new(ramp.outputs["Color"], bg.inputs["Color"])
        self.scene.world = bw

    # --- rendering --------------------------------------------------------------------------

    def _place_camera(self, camera: CameraSpec) -> None:
        sc, data = self.scene, self.camera.data
        sc.render.resolution_x = camera.width
        sc.render.resolution_y = camera.height
        # Square pixels: fy is assumed equal to fx (the camera planner makes them so).
        data.lens = camera.fx * SENSOR_MM / camera.width
        # Principal point (pixels from the top-left) as a lens shift in units of the image width.
        data.shift_x = (camera.width / 2 - camera.cx) / camera.width
        data.shift_y = (camera.cy - camera.height / 2) / camera.width
        self.camera.matrix_world = Matrix([list(row) for row in camera.c2w])

    def save_blend(self, path: Path) -> Path:
        """The built scene as a .blend file (to inspect it in Blender, or to benchmark bare renders)."""
        path = Path(path).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        with _quiet_stdout():
            bpy.ops.wm.save_as_mainfile(filepath=str(path), copy=True)
        return path

    def render_exr(self, camera: CameraSpec, exr_path: Path, *, samples: int, denoise: bool) -> Path:
        """Render one view with all passes into one OPEN_EXR_MULTILAYER file; returns its path."""
        self._place_camera(camera)
        return self._render(exr_path, samples=samples, denoise=denoise)

    # --- lens effects (scenes.lens): colour renders only ------------------------------------

    def colour_only(self) -> None:
        """Renders from here on write the Combined pass alone: the data passes come from the exact render
        (Cycles writes Depth and IndexOB from one lens and time sample, averages Normal over them, and
        drops Vector when motion blur is on)."""
        vl = self.scene.view_layers[0]
        vl.use_pass_z = vl.use_pass_normal = vl.use_pass_object_index = vl.use_pass_vector = False

    def set_depth_of_field(self, fstop: float, distance: float) -> None:
        """A thin lens at f/`fstop` (of the camera's focal length), in focus `distance` metres ahead."""
        dof = self.camera.data.dof
        dof.use_dof = True
        dof.aperture_fstop = fstop
        dof.focus_distance = distance

    def key_focus(self, distance: float, frame: int) -> None:
        """Keyframe the focus distance at `frame` (the subject moves, or the camera does)."""
        self.camera.data.dof.focus_distance = distance
        self.camera.data.dof.keyframe_insert("focus_distance", frame=frame)

    def set_motion_blur(self, shutter: float) -> None:
        """Motion blur over `shutter` of a frame, centred on the frame's time (objects and camera)."""
        sc = self.scene
        sc.render.use_motion_blur = True
        sc.render.motion_blur_shutter = shutter
        sc.render.motion_blur_position = "CENTER"

    # --- animation --------------------------------------------------------------------------

    def enable_motion_vectors(self) -> None:
        """Add the Vector pass (per-pixel motion to the previous and next frame) to every render.

        Cycles fills it from the scene evaluated at frame - 1 and frame + 1, and only with motion blur off.
        """
        self.scene.render.use_motion_blur = False
        self.scene.view_layers[0].use_pass_vector = True

    def set_frame_range(self, first: int, last: int, fps: float) -> None:
        sc = self.scene
        sc.frame_start, sc.frame_end = first, last
        sc.render.fps = max(1, round(fps))
        sc.render.fps_base = sc.render.fps / fps

    def key_object(self, obj_id: str, frame: int, position, rotation) -> None:
        """Pose one object at `frame` and keyframe it there (location and quaternion rotation)."""
        ob = self.objects[obj_id]
        ob.location = position
        ob.rotation_quaternion = rotation
        ob.keyframe_insert("location", frame=frame)
        ob.keyframe_insert("rotation_quaternion", frame=frame)

    def key_camera(self, camera: CameraSpec, frame: int) -> None:
        """Place the camera (intrinsics and c2w) at `frame` and keyframe its pose there."""
        # Quaternions, not Euler angles: matrix_world decomposes into them without gimbal flips.
        self.camera.rotation_mode = "QUATERNION"
        self._place_camera(camera)
        self.camera.keyframe_insert("location", frame=frame)
        self.camera.keyframe_insert("rotation_quaternion", frame=frame)

    def render_frame_exr(self, frame: int, exr_path: Path, *, samples: int, denoise: bool) -> Path:
        """Render the keyframed scene at `frame` with all passes into one multilayer EXR; returns its path."""
        self.scene.frame_set(frame)
        return self._render(exr_path, samples=samples, denoise=denoise)

    def _render(self, exr_path: Path, *, samples: int, denoise: bool) -> Path:
        self.scene.cycles.samples = samples
        self.scene.cycles.use_denoising = denoise
        exr_path = Path(exr_path).resolve()
        exr_path.parent.mkdir(parents=True, exist_ok=True)
        # Blender reads '#' in an output path as frame-number digits: render elsewhere, then move.
        target = exr_path if "#" not in str(exr_path) else Path(tempfile.mkdtemp(prefix="fyi_exr_")) / "view.exr"
        self.scene.render.filepath = str(target)
        started = time.perf_counter()
        with _quiet_stdout():
            bpy.ops.render.render(write_still=True)
        _CYCLES_SECONDS[0] += time.perf_counter() - started
        if not target.exists():
            raise RuntimeError(f"Cycles wrote no file at {target}")
        if target != exr_path:
            shutil.move(target, exr_path)
            target.parent.rmdir()
        return exr_path


_CYCLES_SECONDS = [0.0]


def cycles_seconds() -> float:
    """Seconds this process has spent inside Cycles' own render calls (what benchmarks compare with)."""
    return _CYCLES_SECONDS[0]


def render_views(spec: SceneSpec, assets: dict[str, Asset], views_dir: Path, *, samples: int, denoise: bool,
                 progress: Callable[[int, int], None] | None = None) -> list[ViewPasses]:
    """Render every camera of the spec and write views_dir/{rgb,depth,normal,instance}/NNNN (NNNN = camera.id)."""
    if not spec.cameras:
        raise FyiError("cameras: the spec has no cameras to render")
    scene = BlenderScene(resolve(spec, assets))
    views_dir = Path(views_dir)
    out: list[ViewPasses] = []
    with tempfile.TemporaryDirectory(prefix="fyi_exr_") as tmp:
        for k, camera in enumerate(spec.cameras):
            exr = scene.render_exr(camera, Path(tmp) / f"{camera.id:04d}.exr", samples=samples, denoise=denoise)
            passes = read_exr(exr)
            write_view(passes, views_dir, camera.id)
            out.append(passes)
            if progress is not None:
                progress(k + 1, len(spec.cameras))
    return out


def render_lens_colour(spec: SceneSpec, assets: dict[str, Asset], views_dir: Path, *, samples: int, denoise: bool,
                       progress: Callable[[int, int], None] | None = None) -> None:
    """Write views_dir/rgb/NNNN.png for every camera through the spec's lens (depth of field at
    spec.render.fstop, focused on scenes.lens.focus_point): the colour render only."""
    if spec.render.fstop is None:
        raise FyiError("render.fstop: no depth of field to render (the exact views hold the colour images)")
    scene = BlenderScene(resolve(spec, assets))
    scene.colour_only()
    point = focus_point(spec, assets)
    with tempfile.TemporaryDirectory(prefix="fyi_exr_") as tmp:
        for k, camera in enumerate(spec.cameras):
            scene.set_depth_of_field(spec.render.fstop, focus_distance(camera.c2w, point))
            exr = scene.render_exr(camera, Path(tmp) / f"{camera.id:04d}.exr", samples=samples, denoise=denoise)
            write_rgb(read_rgb(exr), Path(views_dir) / "rgb" / f"{camera.id:04d}.png")
            if progress is not None:
                progress(k + 1, len(spec.cameras))
