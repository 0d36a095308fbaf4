import { Anchor, Blockquote, Code, List, Table, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode, useMemo } from 'react';
import { type Block, type Inline, parseMarkdown } from './markdown';

/** An answer's markdown as React elements (never as HTML: see markdown.ts). */
export function Markdown({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className="ocp-markdown">{blocks.map((block, index) => renderBlock(block, index))}</div>;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <Text key={key} size="sm" my={6} style={{ overflowWrap: 'anywhere' }}>
          {renderInline(block.children)}
        </Text>
      );
    case 'heading':
      return (
        <Title key={key} order={Math.min(6, block.level + 2) as 3 | 4 | 5 | 6} mt="sm" mb={4}>
          {renderInline(block.children)}
        </Title>
      );
    case 'list':
      return (
        <List
          key={key}
          size="sm"
          my={6}
          type={block.ordered ? 'ordered' : 'unordered'}
          start={block.ordered ? block.start : undefined}
          withPadding
        >
          {block.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond their place
            <List.Item key={index}>{renderInline(item)}</List.Item>
          ))}
        </List>
      );
    case 'quote':
      return (
        <Blockquote key={key} my={6} p="xs">
          <Text size="sm">{renderInline(block.children)}</Text>
        </Blockquote>
      );
    case 'code':
      return (
        <Code key={key} block my={6} style={{ whiteSpace: 'pre', overflowX: 'auto' }}>
          {block.text}
        </Code>
      );
    case 'table':
      return (
        <Table.ScrollContainer key={key} minWidth={200} my={6}>
          <Table withTableBorder withColumnBorders striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                {block.header.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns have no identity beyond their place
                  <Table.Th key={index} style={{ textAlign: block.align[index] ?? undefined }}>
                    {renderInline(cell)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {block.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
                <Table.Tr key={r}>
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity beyond their place
                    <Table.Td key={c} style={{ textAlign: block.align[c] ?? undefined }}>
                      {renderInline(cell)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
    case 'rule':
      return <hr key={key} style={{ border: 0, borderTop: '1px solid var(--mantine-color-default-border)' }} />;
  }
}

function renderInline(nodes: Inline[]): ReactNode {
  // biome-ignore lint/suspicious/noArrayIndexKey: inline runs have no identity beyond their place
  return nodes.map((node, index) => <Fragment key={index}>{renderNode(node)}</Fragment>);
}

function renderNode(node: Inline): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return <br />;
    case 'code':
      return <Code>{node.text}</Code>;
    case 'strong':
      return <strong>{renderInline(node.children)}</strong>;
    case 'em':
      return <em>{renderInline(node.children)}</em>;
    case 'del':
      return <del>{renderInline(node.children)}</del>;
    case 'link':
      return (
        <Anchor href={node.href} target="_blank" rel="noopener noreferrer nofollow">
          {renderInline(node.children)}
        </Anchor>
      );
  }
}
