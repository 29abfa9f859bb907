//! A deterministic layered (Sugiyama-style) layout, written here because no maintained crate lays out clustered
//! graphs without Graphviz: cycles broken by a depth-first search, longest-path layering, barycentric ordering
//! within each cluster, and clusters stacked as horizontal bands so data flows left to right across all of them.

/// Sizes and gaps of a layout, in SVG user units (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Grid {
    pub node_width: f64,
    pub node_height: f64,
    /// Horizontal space between two layers, where the edges run.
    pub layer_gap: f64,
    /// Horizontal space between two sub-columns of one layer (a tall cell wraps into several).
    pub column_gap: f64,
    pub row_gap: f64,
    /// Nodes of one cluster in one layer wrap into another column beyond this many.
    pub max_rows: usize,
    /// Room for the cluster's title above its nodes.
    pub cluster_header: f64,
    pub cluster_padding: f64,
    pub cluster_gap: f64,
    pub margin: f64,
    /// Layers beyond this many are merged proportionally (a dense graph of domains would otherwise become one
    /// long row); `usize::MAX` keeps every layer.
    pub max_layers: usize,
}

/// A rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Where everything went.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Placement {
    /// The top-left corner of each node.
    pub nodes: Vec<(f64, f64)>,
    /// The box of each cluster (empty clusters get an empty box).
    pub clusters: Vec<Rect>,
    pub width: f64,
    pub height: f64,
}

/// Lays out `node_count` nodes, grouped into `clusters` (every node in exactly one), with directed `edges`,
/// starting `top` units below the top of the picture.
pub(super) fn layered(
    node_count: usize,
    clusters: &[Vec<usize>],
    edges: &[(usize, usize)],
    grid: &Grid,
    top: f64,
) -> Placement {
    let mut layer = layers(node_count, edges);
    let natural = layer.iter().copied().max().map_or(0, |max| max + 1);
    if natural > grid.max_layers.max(1) {
        let target = grid.max_layers.max(1);
        for at in &mut layer {
            *at = *at * target / natural;
        }
    }
    let mut cluster_of = vec![0usize; node_count];
    for (index, members) in clusters.iter().enumerate() {
        for &node in members {
            if let Some(slot) = cluster_of.get_mut(node) {
                *slot = index;
            }
        }
    }
    let layer_count = layer.iter().copied().max().map_or(0, |max| max + 1);
    // cells[cluster][layer] = the nodes of that cluster in that layer, in order.
    let mut cells: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); layer_count]; clusters.len()];
    for (index, members) in clusters.iter().enumerate() {
        for &node in members {
            if let (Some(row), Some(&at)) = (cells.get_mut(index), layer.get(node))
                && let Some(cell) = row.get_mut(at)
            {
                cell.push(node);
            }
        }
    }
    order_cells(&mut cells, &layer, &cluster_of, edges, node_count);

    let max_rows = grid.max_rows.max(1);
    let columns_of = |count: usize| count.div_ceil(max_rows);
    let rows_of = |count: usize| count.min(max_rows);
    // Each layer is as wide as its widest cell across clusters.
    let mut layer_columns = vec![0usize; layer_count];
    for row in &cells {
        for (at, cell) in row.iter().enumerate() {
            if let Some(columns) = layer_columns.get_mut(at) {
                *columns = (*columns).max(columns_of(cell.len()));
            }
        }
    }
    let column_pitch = grid.node_width + grid.column_gap;
    let mut layer_x = Vec::with_capacity(layer_count);
    let mut x = grid.margin + grid.cluster_padding;
    for &columns in &layer_columns {
        layer_x.push(x);
        if columns > 0 {
            x += columns as f64 * column_pitch - grid.column_gap + grid.layer_gap;
        }
    }
    let row_pitch = grid.node_height + grid.row_gap;
    let mut nodes = vec![(0.0, 0.0); node_count];
    let mut boxes = Vec::with_capacity(clusters.len());
    let mut y = top + grid.margin;
    let mut width: f64 = 0.0;
    for row in &cells {
        let band_rows = row.iter().map(|cell| rows_of(cell.len())).max().unwrap_or(0);
        if band_rows == 0 {
            boxes.push(Rect::default());
            continue;
        }
        let nodes_top = y + grid.cluster_header + grid.cluster_padding;
        let band_height = band_rows as f64 * row_pitch - grid.row_gap;
        let (mut left, mut right) = (f64::MAX, f64::MIN);
        for (at, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let base_x = layer_x.get(at).copied().unwrap_or(grid.margin);
            let rows = rows_of(cell.len());
            for (slot, &node) in cell.iter().enumerate() {
                let column = slot / rows;
                let row_in_column = slot % rows;
                let in_this_column = rows.min(cell.len() - column * rows);
                let centring = (band_rows - in_this_column) as f64 * row_pitch / 2.0;
                let node_x = base_x + column as f64 * column_pitch;
                if let Some(position) = nodes.get_mut(node) {
                    *position = (node_x, nodes_top + centring + row_in_column as f64 * row_pitch);
                }
                left = left.min(node_x);
                right = right.max(node_x + grid.node_width);
            }
        }
        let cluster = Rect {
            x: left - grid.cluster_padding,
            y,
            width: right - left + 2.0 * grid.cluster_padding,
            height: grid.cluster_header + band_height + 2.0 * grid.cluster_padding,
        };
        width = width.max(cluster.x + cluster.width);
        boxes.push(cluster);
        y += cluster.height + grid.cluster_gap;
    }
    Placement { nodes, clusters: boxes, width: width + grid.margin, height: y - grid.cluster_gap + grid.margin }
}

/// The layer of every node: the longest path to it from a node nobody points at, once the edges that close a
/// cycle (found by an iterative depth-first search in node order) are set aside. A node that only feeds others is
/// then pulled right, next to the first of its readers, so source systems sit beside the products that read them.
fn layers(node_count: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for &(from, to) in edges {
        if from != to
            && to < node_count
            && let Some(list) = outgoing.get_mut(from)
        {
            list.push(to);
        }
    }
    for list in &mut outgoing {
        list.sort_unstable();
        list.dedup();
    }
    // 0 unvisited, 1 on the stack, 2 finished.
    let mut state = vec![0u8; node_count];
    let mut forward: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for start in 0..node_count {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(&(node, next)) = stack.last() {
            match outgoing[node].get(next) {
                Some(&target) => {
                    if let Some(top) = stack.last_mut() {
                        top.1 += 1;
                    }
                    match state[target] {
                        0 => {
                            forward[node].push(target);
                            state[target] = 1;
                            stack.push((target, 0));
                        }
                        1 => {} // closes a cycle: set aside
                        _ => forward[node].push(target),
                    }
                }
                None => {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
    let mut incoming = vec![0usize; node_count];
    for list in &forward {
        for &target in list {
            incoming[target] += 1;
        }
    }
    let sources: Vec<bool> = incoming.iter().map(|&count| count == 0).collect();
    let mut layer = vec![0usize; node_count];
    let mut queue: std::collections::VecDeque<usize> = (0..node_count).filter(|&node| incoming[node] == 0).collect();
    while let Some(node) = queue.pop_front() {
        for &target in &forward[node] {
            layer[target] = layer[target].max(layer[node] + 1);
            incoming[target] -= 1;
            if incoming[target] == 0 {
                queue.push_back(target);
            }
        }
    }
    for node in 0..node_count {
        if sources[node]
            && let Some(first_reader) = forward[node].iter().map(|&target| layer[target]).min()
        {
            layer[node] = first_reader.saturating_sub(1);
        }
    }
    layer
}

/// Orders the nodes of each cell by the mean position of their neighbours in the layers already placed, sweeping
/// left to right and back a few times; ties keep the previous order, so the result is deterministic.
fn order_cells(
    cells: &mut [Vec<Vec<usize>>],
    layer: &[usize],
    cluster_of: &[usize],
    edges: &[(usize, usize)],
    node_count: usize,
) {
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for &(from, to) in edges {
        if from != to && from < node_count && to < node_count {
            neighbours[from].push(to);
            neighbours[to].push(from);
        }
    }
    let layer_count = cells.first().map_or(0, Vec::len);
    // The vertical key of a node: its cluster, plus its relative place within its cell.
    let mut key = vec![0.0f64; node_count];
    let refresh = |cells: &[Vec<Vec<usize>>], key: &mut Vec<f64>| {
        for (cluster, row) in cells.iter().enumerate() {
            for cell in row {
                let count = cell.len().max(1) as f64;
                for (slot, &node) in cell.iter().enumerate() {
                    key[node] = cluster as f64 + (slot as f64 + 0.5) / count;
                }
            }
        }
    };
    refresh(cells, &mut key);
    for sweep in 0..6 {
        let left_to_right = sweep % 2 == 0;
        let order: Vec<usize> =
            if left_to_right { (0..layer_count).collect() } else { (0..layer_count).rev().collect() };
        for at in order {
            for row in cells.iter_mut() {
                let Some(cell) = row.get_mut(at) else { continue };
                if cell.len() < 2 {
                    continue;
                }
                let mut scored: Vec<(f64, usize, usize)> = cell
                    .iter()
                    .enumerate()
                    .map(|(slot, &node)| {
                        let placed: Vec<f64> = neighbours[node]
                            .iter()
                            .filter(|&&other| if left_to_right { layer[other] < at } else { layer[other] > at })
                            .map(|&other| {
                                // Neighbours in other clusters pull less than those in the same one.
                                if cluster_of[other] == cluster_of[node] {
                                    key[other]
                                } else {
                                    key[other].clamp(cluster_of[node] as f64, cluster_of[node] as f64 + 1.0)
                                }
                            })
                            .collect();
                        let score = if placed.is_empty() {
                            key[node]
                        } else {
                            placed.iter().sum::<f64>() / placed.len() as f64
                        };
                        (score, slot, node)
                    })
                    .collect();
                scored.sort_by(|left, right| left.0.total_cmp(&right.0).then(left.1.cmp(&right.1)));
                *cell = scored.into_iter().map(|(_, _, node)| node).collect();
            }
            refresh(cells, &mut key);
        }
    }
}
