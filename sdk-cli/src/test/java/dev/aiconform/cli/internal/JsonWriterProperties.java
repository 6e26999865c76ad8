package dev.aiconform.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonWriterProperties {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Property
  void anyStringSurvivesAJsonParser(
      @ForAll String text, @ForAll long number, @ForAll boolean flag) {
    String json =
        new JsonWriter()
            .beginObject()
            .field("text", text)
            .field("number", number)
            .field("flag", flag)
            .name("list")
            .beginArray()
            .value(text)
            .nullValue()
            .endArray()
            .endObject()
            .toString();

    JsonNode node = JSON.readTree(json);
    assertThat(node.get("text").asString()).isEqualTo(text);
    assertThat(node.get("number").asLong()).isEqualTo(number);
    assertThat(node.get("flag").asBoolean()).isEqualTo(flag);
    assertThat(node.at("/list/0").asString()).isEqualTo(text);
    assertThat(node.at("/list/1").isNull()).isTrue();
  }

  @Property
  void prettyAndCompactAreTheSameDocument(@ForAll List<String> values) {
    JsonWriter compact = new JsonWriter();
    JsonWriter pretty = new JsonWriter().pretty();
    for (JsonWriter w : List.of(compact, pretty)) {
      w.beginObject().name("values").beginArray();
      values.forEach(w::value);
      w.endArray().name("empty").beginObject().endObject().endObject();
    }

    assertThat(JSON.readTree(pretty.toString())).isEqualTo(JSON.readTree(compact.toString()));
  }

  @Test
  void writesFieldsInTheOrderGiven() {
    String json =
        new JsonWriter()
            .beginObject()
            .field("b", 1)
            .field("a", (String) null)
            .endObject()
            .toString();

    assertThat(json).isEqualTo("{\"b\":1,\"a\":null}");
  }
}
