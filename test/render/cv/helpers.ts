// Shared by the CV tests: the example project, PDF text and page counts, normalised comparisons.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject } from '../../../src/index.js';
import type { Graph } from '../../../src/resolve/graph.js';

export const EXAMPLE = fileURLToPath(new URL('../../../examples/pku-group/', import.meta.url));
// The seed documents the example was written from (the ones the tests compare against), kept with the tests.
export const SEEDS = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

let example: Graph | undefined;
/** The example project's graph (opened once per test file). */
export function exampleGraph(): Graph {
  if (!example) {
    const { graph, diagnostics } = openProject(EXAMPLE);
    if (diagnostics.errorCount > 0) throw new Error('the example project has errors');
    example = graph;
  }
  return example;
}

export { squash } from '../typst/pdf-tools.js';

/**
 * Text of a PDF: with `layout`, in reading layout (`pdftotext -layout`: a row of a grid stays one line);
 * without, column by column (a wrapped cell stays together).
 */
export function pdfText(pdf: Uint8Array, layout = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'vita-cv-test-'));
  try {
    const file = join(dir, 'cv.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (r.error) throw new Error('pdftotext is not installed: install poppler-utils');
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page count, via poppler's `pdfinfo`. */
export function pdfPages(pdf: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'vita-cv-test-'));
  try {
    const file = join(dir, 'cv.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (r.error) throw new Error('pdfinfo is not installed: install poppler-utils');
    const m = /^Pages:\s+(\d+)/m.exec(r.stdout);
    if (!m) throw new Error(`pdfinfo gave no page count: ${r.stdout}${r.stderr}`);
    return Number(m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Text reduced to lower-case letters, digits and CJK, so that line breaks, hyphenation, small caps,
 * dashes and punctuation do not matter: "Ph.D., Computational-\nMathematics" -> "phdcomputationalmathematics".
 * `$math$` is dropped (the PDF shows it as math glyphs).
 */
export function norm(text: string): string {
  return text
    .replace(/\$[^$]*\$/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\u3400-\u9fff]+/g, '');
}

/** The 29 publications of seed 001 (Lei Wu's Markdown CV), by title. */
export const SEED_001_TITLES = [
  'Theoretical Analysis of Inductive Biases in Deep Convolutional Networks',
  'The Implicit Regularization of Dynamical Stability in Stochastic Gradient Descent',
  'The alignment property of SGD noise and how it helps select flat minima: A stability analysis',
  'Beyond the quadratic approximation: the multiscale structure of neural network loss landscapes',
  'A spectral-based analysis of the separation between two-layer neural networks and linear methods',
  'Learning a single neuron for non-monotonic activation functions',
  'A qualitative study of the dynamic behavior of adaptive gradient algorithms',
  "Towards a mathematical understanding of neural network-based machine learning: what we know and what we don't",
  'Machine learning based non-Newtonian fluid model with molecular fidelity',
  'Machine Learning from a Continuous Viewpoint',
  'The slow deterioration of the generalization error of the random feature model',
  'The generalization error of minimum-norm solutions for over-parameterized neural networks models',
  'A comparative analysis of the optimization and generalization property of two-layer neural network and random feature models under gradient descent dynamics',
  'The Barron space and the flow-induced function spaces for neural network models',
  'Global convergence of gradient descent for deep linear residual networks',
  'A priori estimates of the population risk for two-layer neural networks',
  'The anisotropic noise in stochastic gradient descent: Its behavior of escaping from sharp minima and regularization effects',
  'How SGD selects the global minima in over-parameterized learning: A dynamical stability perspective',
  'Towards understanding and improving the transferability of adversarial examples in deep neural networks',
  'Towards understanding the generalization of deep learning: perspective of loss landscape',
  'Irreversible samplers from jump and continuous Markov processes',
  'Smoothed dissipative particle dynamics model for mesoscopic multiphase flows in the presence of thermal fluctuations',
  'The Noise Geometry of Stochastic Gradient Descent: A Quantitative and Analytical Characterization',
  'The $L^\\infty$ Learnability of Reproducing Kernel Hilbert Spaces',
  'Embedding Inequalities for Barron-type Spaces',
  'A duality framework for generalization analysis of random feature models and two-layer neural networks',
  'The quenching-activation behavior of the gradient descent dynamics for two-layer neural network models',
  'Complexity measures for neural networks with general activation functions using path-based norms',
  'Analysis of the gradient descent algorithm for a deep neural network model with skip-connections',
];

/** The 18 publications of seed 003 (Mingze Wang's PDF CV), by its number (18 newest .. 1). */
export const SEED_003_TITLES: Record<number, string> = {
  18: 'GradPower: An Algorithmic Framework for Efficient Language Model Pre-Training',
  17: 'Conserved Quantities in Language Model Pre-Training: Theory and Applications',
  16: 'A Mechanistic Study of Transformer Training Instability under Mixed Precision',
  15: 'Mixture-of-Experts are Provably Efficient for Sparse or Low-dimensional Tasks',
  14: 'A Single Global Merging Suffices: Recovering Centralized Learning Performance in Decentralized Learning',
  13: 'The Sharpness Disparity Principle in Transformers for Accelerating Language Model Pre-Training',
  12: 'How Transformers Get Rich: Approximation and Dynamics Analysis',
  11: 'Sharpness-Aware Minimization Efficiently Selects Flatter Minima Late in Training',
  10: 'Improving Generalization and Convergence by Enhancing Implicit Regularization',
  9: 'Loss Symmetry and Noise Equilibrium of Stochastic Gradient Descent',
  8: 'Understanding the Expressive Power and Mechanisms of Transformer for Sequence Modeling',
  7: 'Are AI-Generated Text Detectors Robust to Adversarial Perturbations?',
  6: 'Achieving Margin Maximization Exponentially Fast via Progressive Norm Rescaling',
  // Seed 003 lists the workshop version's title; the record keeps the full paper's title and notes the other.
  5: 'The Noise Geometry of Stochastic Gradient Descent: A Quantitative and Analytical Characterization',
  4: 'Understanding Multi-phase Optimization Dynamics and Rich Nonlinear Behaviors of ReLU Networks',
  3: 'The alignment property of SGD noise and how it helps select flat minima: A stability analysis',
  2: 'Early Stage Convergence and Global Convergence of Training Mildly Parameterized Neural Networks',
  1: 'Generalization Error Bounds for Deep Neural Networks Trained by SGD',
};
